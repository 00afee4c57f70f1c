/**
 * The state a virtual camera keeps besides its statuses: settings with per-model options and the
 * capabilities that follow from other settings, presets and preset groups with their visibility,
 * Wi-Fi scanning and provisioning, camera on the home network (COHN) and live streaming. Support
 * data comes from the protocol catalog (references.json); state changes are told to listeners so
 * the camera can push them to registered clients.
 */
package io.camrig.simulator.state;
