package dev.iamsteward.request;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A remark on a request by its requester, its owner or an approver; comments are never edited. */
@Entity
@Table(name = "request_comment")
public class Comment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    public AccessRequest request;

    public String author;

    public String text;

    public Instant at;

    protected Comment() {
    }

    Comment(AccessRequest request, String author, String text, Instant at) {
        this.request = request;
        this.author = author;
        this.text = text;
        this.at = at;
    }
}
