package com.creditdiligence.submission;

/**
 * The domain's one way of saying no, thrown by rules and services whichever door asked: no such thing, the case is
 * not at a stage that takes this, an input at fault, not permitted, and the like. It carries what went wrong, in the
 * user's words («中文 English»), and never how a door answers it: the web layer maps each {@link Kind} once to an
 * HTTP status (application/problem+json, {@code platform.web.ApiProblems}), and the engine edge turns a
 * {@link SubmissionRefused} once into the engine's form error that Tasklist shows.
 */
public class Rejection extends RuntimeException {

  /** What kind of no. */
  public enum Kind {
    /** No such case, record, document or person. */
    NOT_FOUND,
    /** The case is not (or no longer) at a stage that takes this. */
    NOT_LIVE,
    /** An input is not acceptable; {@link #field()} names it where there is one. */
    INVALID,
    /** A step's rules refused a submission ({@link SubmissionRefused}). */
    REFUSED,
    /** The user may not do this. */
    NOT_PERMITTED,
    /** Nobody is signed in. */
    NOT_SIGNED_IN,
    /** Someone else changed or took it first. */
    CONFLICT,
    /** Something the answer needs is missing on this server (the CJK font of a PDF). */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String field;

  protected Rejection(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public static Rejection notFound(String message) {
    return new Rejection(Kind.NOT_FOUND, null, message);
  }

  public static Rejection notLive(String message) {
    return new Rejection(Kind.NOT_LIVE, null, message);
  }

  /** An input at fault, named by its field (a form field, a query parameter, a part of a body). */
  public static Rejection invalid(String field, String message) {
    return new Rejection(Kind.INVALID, field, message);
  }

  public static Rejection notPermitted(String message) {
    return new Rejection(Kind.NOT_PERMITTED, null, message);
  }

  public static Rejection notSignedIn(String message) {
    return new Rejection(Kind.NOT_SIGNED_IN, null, message);
  }

  public static Rejection conflict(String message) {
    return new Rejection(Kind.CONFLICT, null, message);
  }

  public static Rejection unavailable(String message) {
    return new Rejection(Kind.UNAVAILABLE, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The input at fault, or null. */
  public String field() {
    return field;
  }

  /** Whether the caller can do something about it (everything but {@link Kind#UNAVAILABLE}). */
  public boolean callersFault() {
    return kind != Kind.UNAVAILABLE;
  }
}
