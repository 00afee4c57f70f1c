/**
 * Networking commands: {@code camrig provision} (the rig on its network, with COHN), {@code camrig
 * ap on|off}, {@code camrig wifi join CAMERA} (the single-camera AP path) and {@code camrig
 * credentials list|forget}, with their shared options (credential store, host Wi-Fi, secrets read
 * from files).
 */
package io.camrig.cli.network;
