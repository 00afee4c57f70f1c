/** Runnable examples of camrig's public API. Blocking calls are allowed here, as in the CLI. */
package io.camrig.examples;
