/** {@code camrig demo}: the main job on a simulated rig, with its text and JSON reports. */
package io.camrig.cli.demo;
