/**
 * {@code camrig status [--watch]}: statuses of every selected camera as a table, once or live
 * (push notifications 0x93 after registration).
 */
package io.camrig.cli.status;
