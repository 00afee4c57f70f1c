/**
 * Rigs across hosts on the command line: {@code camrig broker}, {@code camrig node}, the login
 * every cluster command finds by itself ({@link io.camrig.cli.rig.ClusterLogin}), and the
 * demo across node processes ({@link io.camrig.cli.cluster.ClusterDemo}).
 */
package io.camrig.cli.cluster;
