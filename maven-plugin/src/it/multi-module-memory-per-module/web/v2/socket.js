import { io } from "socket.io-client";

const socket = io("https://chat.example.com");

export function send(text) {
  socket.emit("chat:message", { text });
}

export function typing(who) {
  socket.emit("chat:typing", who);
}

socket.on("chat:message", (message) => console.log(message.text));
