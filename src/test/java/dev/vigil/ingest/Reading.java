package dev.vigil.ingest;

import dev.vigil.finding.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What a reader produced from one input, collected for assertions. */
final class Reading implements FindingSink {
    final List<Finding> findings = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    ReadSummary summary;

    @Override
    public void accept(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void reject(Rejection rejection) {
        rejections.add(rejection);
    }

    static Reading of(FindingReader reader, String name, String text) {
        return of(reader, name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Reading of(String name, String text) {
        return of(FindingReader.detecting(), name, text);
    }

    static Reading of(FindingReader reader, String name, InputStream in) {
        Reading reading = new Reading();
        try {
            reading.summary = reader.read(name, in, reading);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reading;
    }

    static Reading resource(String name) {
        InputStream in = Reading.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        return of(FindingReader.detecting(), name, in);
    }

    Finding only() {
        if (findings.size() != 1 || !rejections.isEmpty()) {
            throw new AssertionError("expected one finding, got " + findings.size() + " and rejections " + rejections);
        }
        return findings.get(0);
    }

    Finding byId(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " among " + findings.size()));
    }
}
