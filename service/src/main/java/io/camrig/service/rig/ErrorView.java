package io.camrig.service.rig;

/**
 * A typed cause as the console shows it: the exception's simple class name
 * ({@code CameraGoneException}) and its message. camrig's exceptions carry the camera and the
 * operation and never a secret (house rule), so the message is safe to show.
 *
 * @param type    the exception's simple class name
 * @param message its message, or the type when it has none
 * @param step    the rig step it happened in, when known, else {@code null}
 */
public record ErrorView(String type, String message, String step) {

    /** The view of a throwable (its own type and message, not its cause's). */
    public static ErrorView of(Throwable t) {
        return of(t, null);
    }

    /** The view of a throwable that happened in {@code step}. */
    public static ErrorView of(Throwable t, String step) {
        String m = t.getMessage();
        return new ErrorView(t.getClass().getSimpleName(), m == null ? t.getClass().getSimpleName() : m, step);
    }
}
