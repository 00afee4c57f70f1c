/** {@code camrig preset load}: load a preset group or a preset on every selected camera. */
package io.camrig.cli.preset;
