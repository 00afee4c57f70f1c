package io.camrig.cli.console;

import io.camrig.proto.error.CamrigException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * How the command line reports what went wrong, in one line each, never a stack trace unless
 * {@code CAMRIG_LOG} is {@code debug} or {@code trace}:
 * <ul>
 *   <li>an error a command did not handle: {@code camrig status: <message> — <hint>}, where the
 *       hint ({@link Hints}) says what to install or start, exit code 1;</li>
 *   <li>Ctrl-C: {@code camrig demo: interrupted (Ctrl-C); stopped <activity>}, exit code 130
 *       ({@link Interrupts});</li>
 *   <li>bad usage: the error, picocli's suggestions for a mistyped option, and a pointer to
 *       {@code --help} instead of the whole usage, exit code 2.</li>
 * </ul>
 */
public final class ErrorReport implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler {
    private final boolean stackTraces;

    /** Stack traces only when {@code camrigLog} (the {@code CAMRIG_LOG} variable) asks for debugging. */
    public ErrorReport(String camrigLog) {
        String level = camrigLog == null ? "" : camrigLog.toLowerCase(Locale.ROOT);
        this.stackTraces = level.equals("debug") || level.equals("trace") || level.equals("all");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        String name = commandLine.getCommandSpec().qualifiedName();
        if (Interrupts.isInterruption(ex) || Interrupts.requested()) {
            interrupted(err, name);
            return ExitCodes.INTERRUPTED;
        }
        Throwable cause = primary(ex);
        String message = cause instanceof CamrigException ? cause.getMessage()
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String hint = Hints.forError(cause).map(h -> " — " + h).orElse("");
        err.println(name + ": " + message + hint);
        if (stackTraces) {
            ex.printStackTrace(err);
        } else if (!(cause instanceof CamrigException) && hint.isEmpty()) {
            err.println("(CAMRIG_LOG=debug shows where it happened)");
        }
        err.flush();
        return 1;
    }

    /** Prints what Ctrl-C stopped. */
    public static void interrupted(PrintWriter err, String command) {
        String what = Interrupts.activity();
        err.println();
        err.println(command + ": interrupted (Ctrl-C)" + (what == null ? "" : "; stopped " + what));
        err.flush();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The camrig error inside wrappers (Reactor's, ours), else the innermost useful cause. */
    static Throwable primary(Throwable error) {
        Throwable last = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CamrigException) {
                return t;
            }
            last = t;
            if (t.getCause() == t) {
                break;
            }
        }
        return wrapper(error) ? Optional.<Throwable>ofNullable(error.getCause()).orElse(last) : error;
    }

    private static boolean wrapper(Throwable t) {
        return t.getCause() != null && (t.getClass().getName().startsWith("reactor.core.Exceptions")
                || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.lang.reflect.UndeclaredThrowableException
                || t instanceof IllegalStateException && t.getMessage() != null
                && t.getMessage().equals(t.getCause().toString()));
    }
}
