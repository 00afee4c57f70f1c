/**
 * Camera on the home network (COHN) certificates of virtual cameras: a root CA and a camera
 * certificate generated with BouncyCastle, shared by the BLE state ({@code state}) and the HTTPS
 * servers ({@code http}).
 */
package io.camrig.simulator.cohn;
