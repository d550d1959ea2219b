package dev.ignis.examples.model;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Links settings to tags (MariaDB). */
@Model
@Entity
@Table(name = "PlanSettingTag")
public class PlanSettingTag extends StringIdEntity {
    public String settingId;
    public String tagId;

    public PlanSettingTag() {
    }

    public PlanSettingTag(String id) {
        this.id = id;
    }
}
