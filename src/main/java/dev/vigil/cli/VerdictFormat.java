package dev.vigil.cli;

import java.io.PrintWriter;

/** How {@code vigil triage} prints verdicts. Every format streams: one finding at a time, memory stays flat. */
enum VerdictFormat {
    TABLE, JSON, NDJSON, MARKDOWN;

    VerdictWriter writer(PrintWriter out, boolean explain) {
        return switch (this) {
            case TABLE -> new TableVerdictWriter(out, explain);
            case JSON -> new JsonVerdictWriter(out, explain, true);
            case NDJSON -> new JsonVerdictWriter(out, explain, false);
            case MARKDOWN -> new MarkdownVerdictWriter(out, explain);
        };
    }
}
