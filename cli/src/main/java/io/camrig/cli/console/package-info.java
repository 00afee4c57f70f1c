/**
 * What every {@code camrig} command shares about its console: {@link
 * io.camrig.cli.console.ExitCodes}, the terminal ({@link io.camrig.cli.console.Terminal}) and text
 * made safe for it ({@link io.camrig.cli.console.TerminalText}), the {@code --json}/{@code
 * --pretty} style ({@link io.camrig.cli.console.JsonStyle}), Ctrl-C ({@link
 * io.camrig.cli.console.Interrupts}), and how errors are reported with hints ({@link
 * io.camrig.cli.console.ErrorReport}, {@link io.camrig.cli.console.Hints}). Depends on no command
 * and not on {@link io.camrig.cli.CamrigCommand}.
 */
package io.camrig.cli.console;
