package dev.gameday.azure.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpClient;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.DefaultAzureCredentialBuilder;
import org.junit.jupiter.api.Test;

/**
 * netty is excluded from the build: the SDK's own default client, which DefaultAzureCredential
 * uses to reach Entra ID and the managed-identity endpoint, must then be the JDK one.
 */
class HttpClientChoiceTest {
  @Test
  void theSdksDefaultHttpClientIsTheJdkOne() {
    assertThat(HttpClient.createDefault().getClass().getName())
        .isEqualTo("com.azure.core.http.jdk.httpclient.JdkHttpClient");
  }

  @Test
  void nettyIsNotOnTheClasspath() {
    assertThatThrownBy(() -> Class.forName("com.azure.core.http.netty.NettyAsyncHttpClient"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.netty.channel.Channel"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void defaultAzureCredentialBuildsWithTheJdkClient() {
    DefaultAzureCredential credential = new DefaultAzureCredentialBuilder().build();
    assertThat(credential).isNotNull();
  }
}
