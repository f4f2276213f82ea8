package dev.vigil.bench;

import dev.vigil.generate.FindingGenerator;
import dev.vigil.generate.OutputFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** How fast {@code vigil generate} makes findings (1,000 per operation, written to nowhere). */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class GeneratorBenchmark {

    @Benchmark
    public long thousandFindings() throws IOException {
        return new FindingGenerator(7, FindingGenerator.DEFAULT_START).write(1000, OutputFormat.NDJSON, OutputStream.nullOutputStream());
    }
}
