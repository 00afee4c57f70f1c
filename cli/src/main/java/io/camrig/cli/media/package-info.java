/**
 * {@code camrig media}: what recordings say about themselves, read from the files ({@code inspect}).
 */
package io.camrig.cli.media;
