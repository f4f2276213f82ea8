package dev.vigil.generate;

import java.math.BigDecimal;

/**
 * A finding type in the generated mix: how often it appears ({@code weight}, relative), its shape, GuardDuty's severity
 * for it, the feature that detects it, and its title. {@code title} may contain {@code {instance}}, {@code {ip}},
 * {@code {port}}, {@code {user}}, {@code {bucket}}, {@code {cluster}}, {@code {domain}}.
 */
record FindingKind(String type, double weight, Shape shape, BigDecimal severity, String featureName, String title,
                   String description) {

    FindingKind(String type, double weight, Shape shape, String severity, String featureName, String title,
                String description) {
        this(type, weight, shape, new BigDecimal(severity), featureName, title, description);
    }
}
