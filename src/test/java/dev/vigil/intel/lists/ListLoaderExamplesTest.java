package dev.vigil.intel.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.intel.yaml.ConfigErrors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The example every registered loader shows (in docs and help) loads without errors. */
class ListLoaderExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyLoadersExampleLoads() {
        return ListLoaders.all().stream().map(loader -> DynamicTest.dynamicTest(loader.kind() + ": " + loader.description(),
                () -> {
                    ConfigErrors errors = new ConfigErrors();
                    IpListBuilder builder = new IpListBuilder("example", loader.kind(), "example");
                    load(loader, builder, errors);
                    assertThat(errors.list()).isEmpty();
                    assertThat(builder.build().size()).isPositive();
                }));
    }

    private static void load(ListLoader loader, IpListBuilder builder, ConfigErrors errors) throws IOException {
        FileErrors fileErrors = new FileErrors("example", errors);
        loader.load(ListSource.file("example", loader.kind(), Path.of("example")),
                new ByteArrayInputStream(loader.example().getBytes(StandardCharsets.UTF_8)), builder, fileErrors);
        fileErrors.finish();
    }

    @TestFactory
    Stream<DynamicTest> theRegistryNamesTheFiveKinds() {
        return Stream.of(DynamicTest.dynamicTest("cidr, github-meta, aws-ip-ranges, tor-exits, known-hosts",
                () -> assertThat(ListLoaders.kinds()).isEqualTo(
                        List.of("cidr", "github-meta", "aws-ip-ranges", "tor-exits", "known-hosts"))));
    }
}
