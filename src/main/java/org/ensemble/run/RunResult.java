package org.ensemble.run;

import java.nio.file.Path;
import java.util.Map;
import org.ensemble.langevin.RunOutcome;
import org.ensemble.observe.escape.MfptEstimate;

/** What a finished run produced: its directory, outcome, MFPT estimate (null without targets) and summary. */
public record RunResult(Path directory, RunOutcome outcome, MfptEstimate mfpt, Double exactMfpt,
                        Double eyringKramers, Map<String, Object> summary) {
}
