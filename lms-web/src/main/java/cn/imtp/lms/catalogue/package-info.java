/**
 * The training package's catalogue: editions of the course pack imported from the resources module,
 * browsed by level and job type, exported whole, and checked for the seed's own contradictions.
 *
 * <p>Decisions: the data files are the source; the import stores them as an immutable edition keyed
 * by its content hash, so re-importing the same files changes nothing, and a corrected file set
 * becomes a new edition beside the old one (plans and records keep pointing at the units they used).
 * The current edition is the one imported last. Discrepancies (a stated total that is not the sum of
 * its units, allocation rows that do not add up, a skill table whose total differs from the
 * allocation table) are computed by {@link cn.imtp.lms.catalogue.control.Integrity}, a pure function
 * of the data, and stored with the edition.
 *
 * <p>Section 2.3's assessment blueprints are data too: the theory blueprints (module and course weights,
 * assessed units; the exam papers follow them) and the practical blueprints (module and content weights,
 * form, selection, minutes, importance); the integrity check covers their weights and names.
 *
 * <p>Out of scope so far: sections 2.1 and 2.2 (training requirements, course specifications), which are
 * not yet transcribed. The course supermarket is the {@code plan} feature, classes the {@code cohort} one.
 */
package cn.imtp.lms.catalogue;
