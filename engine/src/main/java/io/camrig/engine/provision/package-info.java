/**
 * Networking and provisioning of cameras: AP mode and joining a camera's access point
 * ({@link io.camrig.engine.provision.AccessPointMode}), connecting a camera to a rig's network or
 * setting it up ({@link io.camrig.engine.provision.NetworkProvisioner}, with scan retries in
 * {@link io.camrig.engine.provision.NetworkScanner}), and the rig-level run that adds COHN
 * ({@link io.camrig.engine.provision.RigProvisioner}). Progress is reported as
 * {@link io.camrig.engine.provision.ProvisionEvent}s; failures are typed; secrets never appear in
 * errors, events or {@code toString()}.
 */
package io.camrig.engine.provision;
