/**
 * The {@code camrig} command line: {@link io.camrig.cli.CamrigCommand} (the launcher's main class)
 * registers the picocli commands of the subpackages, which run over the engine and the simulator;
 * {@link io.camrig.cli.CamrigOffloadCommand} is the offload's own root, the main class of {@code
 * camrig-offload.jar}, which {@code ./camrig offload} runs.
 * Nothing below depends on this package: the commands share what they need through {@code
 * io.camrig.cli.console} (exit codes, terminal output, Ctrl-C) and {@code io.camrig.cli.rig}.
 */
package io.camrig.cli;
