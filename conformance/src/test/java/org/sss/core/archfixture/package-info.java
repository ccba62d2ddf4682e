/** A stand-in for the reference implementation, used only by the suite's architecture test. */
package org.sss.core.archfixture;
