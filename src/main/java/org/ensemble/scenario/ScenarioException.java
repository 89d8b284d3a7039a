package org.ensemble.scenario;

/** Bad scenario input: the message is one line naming the file, the line, the key path and what was expected. */
public final class ScenarioException extends RuntimeException {
    private final String file;
    private final String keyPath;

    public ScenarioException(String file, int line, String keyPath, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem);
        this.file = file;
        this.keyPath = keyPath;
    }

    public String file() {
        return file;
    }

    public String keyPath() {
        return keyPath;
    }
}
