/** {@code camrig serve}: the rig as a long-running service with its web console (module camrig-service). */
package io.camrig.cli.serve;
