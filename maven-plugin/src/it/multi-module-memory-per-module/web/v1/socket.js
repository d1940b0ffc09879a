import { io } from "socket.io-client";

const socket = io("https://chat.example.com");

export function send(text) {
  socket.emit("chat:message", { text });
}

socket.on("chat:message", (message) => console.log(message.text));
