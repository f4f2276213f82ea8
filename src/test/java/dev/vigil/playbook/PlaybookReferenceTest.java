package dev.vigil.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaybookReferenceTest {

    @Test
    void everyFunctionExampleCompiles() {
        for (FunctionSpec function : VigilFunctions.all()) {
            List<PlaybookError> errors = new ArrayList<>();
            assertThat(ExpressionCompiler.instance().compile(function.example(), ExpressionCompiler.Expected.ANY, errors))
                    .as(function.name() + ": " + function.example() + " " + errors).isPresent();
        }
    }

    @Test
    void everyVariableExampleCompiles() {
        for (VariableSpec variable : VigilVariables.all()) {
            List<PlaybookError> errors = new ArrayList<>();
            assertThat(ExpressionCompiler.instance().compile(variable.example(), ExpressionCompiler.Expected.ANY, errors))
                    .as(variable.name() + ": " + variable.example() + " " + errors).isPresent();
        }
    }

    @Test
    void theCommittedReferenceIsTheOneTheRegistryGenerates() throws IOException {
        String committed = Files.readString(Path.of("docs/playbook-reference.md"));
        assertThat(committed).as("docs/playbook-reference.md is stale: regenerate it with"
                + " `./vigil playbooks reference > docs/playbook-reference.md`").isEqualTo(PlaybookReference.markdown());
    }
}
