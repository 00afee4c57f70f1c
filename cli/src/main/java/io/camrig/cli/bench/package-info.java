/** {@code camrig bench}: measurements of camrig itself; {@code camrig bench rig} runs the rig-scale harness of module {@code benchmarks}. */
package io.camrig.cli.bench;
