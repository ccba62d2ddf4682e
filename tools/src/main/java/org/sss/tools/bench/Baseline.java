package org.sss.tools.bench;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the benchmark method of the same class that measures this one's ceiling (the bare crypto it
 * cannot beat). {@code sss bench jmh} prints each score as a ratio to its baseline's score from the
 * same run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Baseline {

    /** The baseline's method name, in the same class. */
    String value();
}
