package dev.vigil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void aMisspeltFunctionIsMatchedRegardlessOfCase() {
        assertThat(DidYouMean.suffix("inlist", List.of("inCidr", "inList", "lists"))).isEqualTo("; did you mean \"inList\"?");
    }

    @Test
    void aNameFarFromEveryKnownOneGetsNoSuggestion() {
        assertThat(DidYouMean.suffix("quarantine", List.of("open", "closed"))).isEmpty();
        assertThat(DidYouMean.suggest("quarantine", List.of("open", "closed"))).isEqualTo("; expected one of: open, closed");
    }

    @Test
    void aPrefixOfALongNameFindsIt() {
        assertThat(DidYouMean.closest("invest", List.of("open", "investigating", "contained"))).contains("investigating");
    }

    @Test
    void tiesGoToTheNameThatSortsFirst() {
        assertThat(DidYouMean.closest("cat", List.of("cut", "bat"))).contains("bat");
    }
}
