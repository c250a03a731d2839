package com.competencyrecon.console;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a long list: which page, how many pages, the rows it skips, and links to the pages beside it
 * that keep the request's filters.
 *
 * @param query the request's query string (filters), null when it had none
 */
record Pager(int page, int size, long total, String query) {

    /** A page of the list the current request asked for. */
    static Pager of(int page, int size, long total) {
        var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return new Pager(page, size, total, attributes.getRequest().getQueryString());
    }

    public int offset() {
        return (page - 1) * size;
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** A link to another page of the same list, relative to the current address. */
    public String link(int other) {
        return UriComponentsBuilder.newInstance().query(query).replaceQueryParam("page", other).build()
                .toUriString();
    }
}
