/**
 * Provisioning a whole rig: {@link io.camrig.engine.provision.rig.RigProvisioner} runs, through
 * the rig, the camera's identity, its network ({@code provision}) and COHN ({@code provision.cohn})
 * on every camera, and reports a {@link io.camrig.engine.provision.rig.ProvisionedCamera} or a typed
 * failure per camera; {@link io.camrig.engine.provision.rig.RigProvisioning} is one such run with
 * its replayed progress events. It sits above both per-camera packages, which know nothing of it.
 */
package io.camrig.engine.provision.rig;
