/**
 * {@code camrig simulate}: virtual cameras' HTTP servers (and, with COHN, HTTPS servers) as a
 * standalone process, for other tools to test against. User documentation: {@code docs/http.md}.
 */
package io.camrig.cli.simulate;
