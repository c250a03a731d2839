package com.competencyrecon.ownership;

/** Why a link event is not applied: which rule it breaks and a detail a person can act on. */
public record LinkRejection(Code code, String detail) {

    /** The ownership rule a rejected link breaks; each is a reject code of the programme of the same name. */
    public enum Code {
        /** The link names an account deleted at or before it. */
        LINK_TO_DELETED_USER,
        /** The link would make more organisation moves within the window than allowed. */
        LINK_LIMIT,
        /** The link would move organisation sooner after the last move than the cool-off allows. */
        LINK_COOL_OFF
    }
}
