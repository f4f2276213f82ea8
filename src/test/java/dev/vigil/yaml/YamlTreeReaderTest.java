package dev.vigil.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

    private static final String CONFIG = """
            lists:
              known-hosts:
                path: "hosts.yaml"
                note: |
                  the runbook's false positives
                refresh: ~
              known-hosts: again
            """;

    @Test
    void everyNodeAndKeyRemembersItsLineAndColumn() throws IOException {
        YamlDocument document = YamlTreeReader.read("vigil.yaml", CONFIG);

        YamlNode.Mapping root = (YamlNode.Mapping) document.root();
        YamlNode.Mapping lists = (YamlNode.Mapping) root.get("lists");
        YamlNode.Field hosts = lists.fields().get("known-hosts");
        assertThat(hosts.keyPlace()).hasToString("vigil.yaml:2:3");
        assertThat(((YamlNode.Mapping) hosts.value()).get("path").place()).hasToString("vigil.yaml:3:11");
    }

    @Test
    void aKeySetTwiceIsAProblemNamingBothPlacesAndTheFirstValueIsKept() throws IOException {
        YamlDocument document = YamlTreeReader.read("vigil.yaml", CONFIG);

        assertThat(document.problems()).containsExactly(new YamlProblem.DuplicateKey(
                new Place("vigil.yaml", 7, 3), "known-hosts", new Place("vigil.yaml", 2, 3)));
        YamlNode.Mapping lists = (YamlNode.Mapping) ((YamlNode.Mapping) document.root()).get("lists");
        assertThat(lists.get("known-hosts")).isInstanceOf(YamlNode.Mapping.class);
    }

    @Test
    void scalarsTellQuotedBlockAndNullApart() throws IOException {
        YamlNode.Mapping lists = (YamlNode.Mapping) ((YamlNode.Mapping) YamlTreeReader.read("vigil.yaml", CONFIG).root())
                .get("lists");
        YamlNode.Mapping hosts = (YamlNode.Mapping) lists.get("known-hosts");

        YamlNode.Scalar path = (YamlNode.Scalar) hosts.get("path");
        YamlNode.Scalar note = (YamlNode.Scalar) hosts.get("note");
        YamlNode.Scalar refresh = (YamlNode.Scalar) hosts.get("refresh");
        assertThat(path.text()).isEqualTo("hosts.yaml");
        assertThat(path.quoted()).isTrue();
        assertThat(note.block()).isTrue();
        assertThat(note.text()).isEqualTo("the runbook's false positives\n");
        assertThat(refresh.isNull()).isTrue();
        assertThat(refresh.shape()).isEqualTo("nothing");
    }

    @Test
    void textThatIsNotYamlGivesASyntaxProblemAndNoRoot() throws IOException {
        YamlDocument document = YamlTreeReader.read("vigil.yaml", "lists: [a, b\nports: 22\n");

        assertThat(document.root()).isNull();
        assertThat(document.isEmpty()).isFalse();
        assertThat(document.problems()).singleElement().isInstanceOf(YamlProblem.Syntax.class)
                .satisfies(problem -> assertThat(problem.place().line()).isPositive());
    }

    @Test
    void anEmptyDocumentHasNoRootAndNoProblem() throws IOException {
        YamlDocument document = YamlTreeReader.read("vigil.yaml", "# nothing yet\n");

        assertThat(document.isEmpty()).isTrue();
        assertThat(document.problems()).isEmpty();
    }
}
