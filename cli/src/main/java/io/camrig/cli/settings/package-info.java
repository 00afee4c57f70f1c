/**
 * {@code camrig settings get|set|capabilities}: settings of every selected camera, typed by the
 * protocol catalog, with per-model checks before sending.
 */
package io.camrig.cli.settings;
