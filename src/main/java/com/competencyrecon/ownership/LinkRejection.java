package com.competencyrecon.ownership;

/** Why a link event is not applied: a reject code of the programme and a detail a person can act on. */
public record LinkRejection(String code, String detail) {
}
