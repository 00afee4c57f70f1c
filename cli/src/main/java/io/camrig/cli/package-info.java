/** The {@code camrig} command line: picocli commands over the engine and the simulator. */
package io.camrig.cli;
