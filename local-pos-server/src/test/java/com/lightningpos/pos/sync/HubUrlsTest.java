package com.lightningpos.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HubUrlsTest {

    @Test
    void plain_http_to_another_machine_is_refused_unless_explicitly_allowed() {
        assertThatThrownBy(() -> HubUrls.check("http://hub.example.com", false)).hasMessageContaining("pos.allow-insecure-hub");
        assertThatThrownBy(() -> HubUrls.check("http://10.0.0.5:8080", false)).isInstanceOf(IllegalArgumentException.class);
        assertThat(HubUrls.check("http://hub.example.com", true).getHost()).isEqualTo("hub.example.com");
    }

    @Test
    void https_anywhere_and_plain_http_on_this_machine_are_accepted() {
        assertThat(HubUrls.check("https://hub.example.com/", false).toString()).isEqualTo("https://hub.example.com");
        assertThat(HubUrls.check("http://localhost:8080", false)).isNotNull();
        assertThat(HubUrls.check("http://127.0.0.1:8080", false)).isNotNull();
        assertThat(HubUrls.check("http://[::1]:8080", false)).isNotNull();
    }

    @Test
    void a_name_that_only_looks_local_is_not_trusted() {
        assertThatThrownBy(() -> HubUrls.check("http://127.0.0.1.evil.example", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HubUrls.check("ftp://hub", false)).isInstanceOf(IllegalArgumentException.class);
    }
}
