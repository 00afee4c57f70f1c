package io.camrig.simulator.http.contract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Every way camrig's client and simulator knowingly depart from the Open GoPro {@code
 * openapi.json}, with the reason: the one place the contract tests consult. A validation
 * message is tolerated only when a deviation here matches its operation, its message key and
 * (when given) its text; anything else fails the contract tests. {@code docs/http.md} lists the
 * same deviations for users.
 */
final class SpecDeviations {

    /**
     * One tolerated deviation.
     *
     * @param id a short name, used in test output
     * @param operation regular expression over {@code "METHOD /path"}
     * @param messageKey the validator's message key, for example {@code
     *     validation.response.body.schema.type}
     * @param text regular expression the message text must contain a match of ({@code ""}: any)
     * @param reason why it is tolerated
     */
    record Deviation(String id, Pattern operation, String messageKey, Pattern text, String reason) {
        boolean matches(String op, String key, String message) {
            return operation.matcher(op).matches() && messageKey.equals(key) && text.matcher(message).find();
        }
    }

    private static Deviation of(String id, String operation, String key, String text, String reason) {
        return new Deviation(id, Pattern.compile(operation), key, Pattern.compile(text), reason);
    }

    /** Changes made to the loaded copy of the spec before validating (the file itself is read-only). */
    static final List<String> SPEC_ADJUSTMENTS = List.of(
            "openapi-3.1-read-as-3.0: the document declares OpenAPI 3.1.0, for which the validator checks "
                    + "no body schema at all. It uses no keyword that 3.0 lacks (OpenApiVersionTest checks: no "
                    + "type arrays, const, if/then/else …), so it is read as 3.0.3 (dropping info.summary, 3.1 "
                    + "metadata) and every body is checked.",
            "settings-path-query: the spec keys each setting's operation by a path that carries its query "
                    + "('/gopro/camera/setting?setting=2'), which no OpenAPI validator can match against a "
                    + "request. The 55 entries are merged into one path '/gopro/camera/setting' with required "
                    + "integer 'setting' and 'option' parameters; the option is then checked against that "
                    + "setting's own enum by SettingsContractTest.");

    /** Validation messages tolerated, with their reasons. */
    static final List<Deviation> ALL = List.of(
            of("media-list-numbers-as-strings", "GET /gopro/media/list", "validation.response.body.schema.anyOf",
                    "",
                    "Real cameras send every number of the media list as a JSON string (\"s\": \"5013927\", "
                            + "tutorial 8 'Camera Media List'); the spec types them as integers. The simulator "
                            + "sends strings like a camera and the client accepts both."),
            of("busy-503", "GET .*", "validation.response.status.unknown", "\\b503\\b",
                    "A busy or encoding camera refuses commands (spec 'State Management'); the spec lists no "
                            + "status for that. The simulator answers 503 Service Unavailable and the client "
                            + "treats it as transient."),
            of("bad-parameter-400", "(GET|PUT|POST) .*", "validation.response.status.unknown", "\\b400\\b",
                    "Most operations list only 200; a camera still refuses a malformed or unknown parameter "
                            + "(a preset id that does not exist, a path that is not on the card). The simulator "
                            + "answers 400 with {} as the operations that document an error do."),
            of("missing-file-404", "GET /videos/DCIM/.*", "validation.response.status.unknown", "\\b404\\b",
                    "Downloading a file that is not on the card gets 404 Not Found; the spec lists only 200."),
            of("range-206", "GET /videos/DCIM/.*", "validation.response.status.unknown", "\\b206\\b",
                    "Resumed downloads ask for 'Range: bytes=n-' and get 206 Partial Content (RFC 9110); "
                            + "the spec documents only the whole file (200)."),
            of("range-416", "GET /videos/DCIM/.*", "validation.response.status.unknown", "\\b416\\b",
                    "A range past the end of the file gets 416 Range Not Satisfiable (RFC 9110)."),
            of("no-cohn-root-404", "(GET|POST) /GoProRootCA.crt", "validation.response.status.unknown", "\\b404\\b",
                    "A camera not provisioned for COHN has no root CA to hand out; the simulator answers 404."),
            of("no-content-204-body", "GET /gopro/media/last_captured", "validation.response.body.missing", "",
                    "The spec gives 204 (no media yet) a JSON object body, but HTTP forbids a body on 204 "
                            + "(RFC 9110 section 15.3.5): the simulator sends none and the client reads 204 as "
                            + "'nothing captured'."));

    private SpecDeviations() {
    }

    /** The deviation that tolerates this message, if any. */
    static java.util.Optional<Deviation> find(String operation, String key, String message) {
        return ALL.stream().filter(d -> d.matches(operation, key, message)).findFirst();
    }
}
