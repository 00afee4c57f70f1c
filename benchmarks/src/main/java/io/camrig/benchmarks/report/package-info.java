/**
 * Turns harness results into the figures published in {@code BENCHMARKS.md}:
 * {@link io.camrig.benchmarks.report.RigPlot} draws the rig-scaling PNG with XChart.
 */
package io.camrig.benchmarks.report;
