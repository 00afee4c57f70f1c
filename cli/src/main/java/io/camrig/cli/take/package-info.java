/**
 * {@code camrig takes} (list, show, verify the takes under a media directory) and {@code camrig
 * offload} (fetch a take's or a whole card's files from cameras into a take, resumable).
 */
package io.camrig.cli.take;
