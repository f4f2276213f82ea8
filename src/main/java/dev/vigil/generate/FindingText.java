package dev.vigil.generate;

/** The values a finding's title and description mention, filled in as the finding is built. */
final class FindingText {
    String instance;
    String ip = "";
    String port = "";
    String user = "";
    String api = "";
    String bucket = "";
    String cluster = "";
    String domain = "";

    FindingText(String instance) {
        this.instance = instance;
    }

    String fill(String template) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        return template.replace("{instance}", instance).replace("{ip}", ip).replace("{port}", port)
                .replace("{user}", user).replace("{api}", api).replace("{bucket}", bucket)
                .replace("{cluster}", cluster).replace("{domain}", domain);
    }
}
