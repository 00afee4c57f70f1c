/**
 * Camera on the home network (COHN): provisioning with reuse of stored credentials
 * ({@link io.camrig.engine.provision.cohn.CohnProvisioner}), clearing, and keeping the stored IP
 * address current ({@link io.camrig.engine.provision.cohn.CohnIpTracker}).
 */
package io.camrig.engine.provision.cohn;
