package dev.vigil.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** Tags behave as the LinkedHashMap they replace: the same entries, in the same order, equal both ways. */
class TagsTest {

    @Property(tries = 2000)
    void tagsAreTheLinkedHashMapOfTheSamePuts(@ForAll("puts") List<Tuple2<String, String>> puts) {
        Map<String, String> model = new LinkedHashMap<>();
        Tags.Builder builder = new Tags.Builder();
        for (Tuple2<String, String> put : puts) {
            model.put(put.get1(), put.get2());
            builder.put(put.get1(), put.get2());
        }
        Map<String, String> tags = builder.build();

        assertThat(new ArrayList<>(tags.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
        assertThat(tags).isEqualTo(model);
        assertThat(model).isEqualTo(tags);
        assertThat(tags.hashCode()).isEqualTo(model.hashCode());
        assertThat(tags.size()).isEqualTo(model.size());
        for (String key : List.of("k0", "k1", "k7", "k8", "k9", "k15", "absent")) {
            assertThat(tags.get(key)).as(key).isEqualTo(model.get(key));
            assertThat(tags.containsKey(key)).as(key).isEqualTo(model.containsKey(key));
        }
        assertThat(Tags.copyOf(model)).isEqualTo(model).containsExactlyEntriesOf(model);
        assertThat(Tags.copyOf(tags)).isSameAs(tags);
    }

    @Provide
    Arbitrary<List<Tuple2<String, String>>> puts() {
        // keys from a small set, so that keys come again, and maps grow past the size where look-ups stop scanning
        Arbitrary<String> keys = Arbitraries.integers().between(0, 20).map(n -> "k" + n);
        Arbitrary<String> values = Arbitraries.strings().alpha().ofMaxLength(3).injectNull(0.1);
        return Combinators.combine(keys, values).as(Tuple::of).list().ofMaxSize(40);
    }
}
