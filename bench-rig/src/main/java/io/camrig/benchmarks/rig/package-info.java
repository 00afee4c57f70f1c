/**
 * The rig-scale harness behind {@code camrig bench rig}: N simulated cameras with zero link
 * latency, measured for fire skew, time to connect, heap per camera and idle CPU per camera
 * ({@link io.camrig.benchmarks.rig.RigHarness}). Not JMH: each figure is one observation of a
 * whole rig, taken the way an application would see it.
 */
package io.camrig.benchmarks.rig;
