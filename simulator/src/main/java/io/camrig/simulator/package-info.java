/**
 * The virtual rig: N simulated cameras that speak the same BLE bytes and the same HTTP as real
 * ones, in process. {@link io.camrig.simulator.VirtualRig} is the entry point.
 */
package io.camrig.simulator;
