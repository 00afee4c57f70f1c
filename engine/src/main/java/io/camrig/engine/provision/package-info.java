/**
 * Networking and provisioning of one camera: AP mode and joining a camera's access point
 * ({@link io.camrig.engine.provision.AccessPointMode}), connecting a camera to a rig's network or
 * setting it up ({@link io.camrig.engine.provision.NetworkProvisioner}, with scan retries in
 * {@link io.camrig.engine.provision.NetworkScanner}), and what every provisioning step shares:
 * {@link io.camrig.engine.provision.ProvisioningOptions}, progress as
 * {@link io.camrig.engine.provision.ProvisionEvent}s, and typed failures. Secrets never appear in
 * errors, events or {@code toString()}. COHN is in {@code provision.cohn}, the rig-level run over
 * both in {@code provision.rig}; neither is used from here.
 */
package io.camrig.engine.provision;
