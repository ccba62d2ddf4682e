/** Helpers shared by the tests of every package: the printed, replayable seed. */
package org.sss.core.testing;
