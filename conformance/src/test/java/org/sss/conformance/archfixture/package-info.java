/** Test fixtures for the architecture rules of the suite. */
package org.sss.conformance.archfixture;
